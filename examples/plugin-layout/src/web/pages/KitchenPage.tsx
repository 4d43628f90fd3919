// Kitchen page: tabbed view of recipes and meal plans.
