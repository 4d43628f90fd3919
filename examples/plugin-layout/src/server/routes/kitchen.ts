// Kitchen routes: groups the recipe, meal plan and pantry route plugins under /api/v1.
