"""The custom spaCy components of reader's German pipeline, one module each with its factory and
its settings (as spaCy's own spacy/pipeline/*.py are).

Importing this package registers the factories, under names a saved pipeline refers to and that
therefore never change; reader.nlp.pipeline imports it before `spacy.load`. Each component is a
thin class around pure functions over `Doc` and `Span`; every setting comes from the pipeline's
config.

* `reader_sentences` (sentences.py) - rule-based sentence boundaries for German news.
* `reader_lexical_features`, `reader_clear_features` (lexical_features.py) - the word lists'
  class of each token as an input feature of the statistical NER.
* `reader_name_spans` (name_spans.py) - span boundaries (role nouns, particles, quotation marks,
  English words) and spans that are no names (common nouns, compounds, sentence-initial
  lower-case words); currencies are MISC.
* `reader_gazetteer` (gazetteer.py) - names from compact word lists where the statistical NER
  found nothing (never overwrites), legal forms, the organisations the text proves
  (organisations.py), the label a name's last word proves (name_heads.py), titles of works in
  quotation marks (work_titles.py).
* `reader_person_names` (person_names.py) - first name + capitalised surname -> PER.
* `reader_doc_consistency` (doc_consistency.py) - a name labelled once is labelled everywhere in
  the document (also its genitive), a lone surname after the full name is PER.

word_lists.py holds the lists these components carry, spans.py what they ask of a Doc.
"""

from . import doc_consistency, gazetteer, lexical_features, name_spans, person_names, sentences

__all__ = ["doc_consistency", "gazetteer", "lexical_features", "name_spans", "person_names", "sentences"]
