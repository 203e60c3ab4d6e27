// The executable depends on WatchlistCore alone: the model's values (Film, Day, StarRating…)
// come with it.
@_exported public import WatchlistModel
