# Uncaught custom exception defined in __main__.
class InventoryError(Exception):
    pass
class OutOfStock(InventoryError):
    def __init__(self, item):
        super().__init__(f"{item} is out of stock")
def buy(item):
    raise OutOfStock(item)
print("buying")
buy("widget")
