"""Chinese full-text search: character bigrams for recall, jieba words for ranking."""
