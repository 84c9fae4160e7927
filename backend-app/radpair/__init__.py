"""radpair-api: radiology dictation backend."""
