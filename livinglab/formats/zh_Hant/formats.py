# Amounts in Taiwan's official documents are grouped by thousands with a comma
# (150,000 點), where Django's zh-Hant groups by ten thousands with no separator.
# Only amounts asked for with `intcomma` are grouped; ids and years stay as they are.
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
