"""Natural-language processing: the pipeline in use, its components, and how it is trained."""
