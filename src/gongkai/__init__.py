"""gongkai (公开): the platform a Chinese public body runs for its 政务公开 work."""
