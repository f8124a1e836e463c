"""依申请公开: disclosure on request (条例 arts. 27–45)."""
