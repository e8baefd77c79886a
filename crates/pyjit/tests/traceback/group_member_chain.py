def mk():
    try:
        {}["x"]
    except KeyError:
        try:
            raise ValueError("v")
        except ValueError as v:
            return v
raise ExceptionGroup("eg", [mk()])
