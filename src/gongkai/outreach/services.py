def item_published(*, item_id: int) -> None:
    return None
