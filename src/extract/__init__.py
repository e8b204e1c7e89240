"""extract: Chinese rural-development news → analyst-ready tables."""
__version__ = "0.1.0"
