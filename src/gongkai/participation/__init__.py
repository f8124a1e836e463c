"""Participation: consultations on drafts, the mailbox, proposal replies, opinion incidents."""
