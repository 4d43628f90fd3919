// Household settings: typed, validated settings stored as JSON per household.
