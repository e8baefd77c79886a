# a character that cannot be in a name
print("never")
price = 10 €
