#!/usr/bin/env bash
# Writes IMDb's five dataset files, generated at their real proportions (early 2025: title.basics
# 11.4 million rows, title.akas 4.6 a title, title.crew one a title, name.basics 1.25 a title,
# title.ratings one in seven titles), gzipped as IMDb ships them, and a Letterboxd diary of
# FILMS films (without ids) whose titles and years are some of the generated movies, spread over
# the file. The titles are words in many combinations, so folded keys collide as real ones do.
# Usage: scripts/make-imdb-datasets.sh FOLDER [TITLES] [FILMS]   (defaults 11400000, 10000)
set -euo pipefail
folder=$1
titles=${2:-11400000}
films=${3:-10000}
mkdir -p "$folder"
words="Night Day Red Tent Ascent White Sun Desert Star Edge Flight Summer Cold Bullet Dawn Quiet Alive Dead River Winter War Road Home Girl Man Love Time House City Dark Light Last First Blood Fire Water Moon Sea Wind Iron Gold Silver Black Blue Green Long Short Great Little Lost Secret Silent Wild Stone Glass Storm Snow Rain Shadow Heart Dream Angel Devil King Queen Child Mother Father Brother Sister Friend Stranger Journey Return Escape Hunt Game End Beginning"
awk -v n="$titles" -v films="$films" -v words="$words" -v folder="$folder" 'BEGIN {
    w = split(words, word, " ")
    split("movie short tvEpisode tvEpisode tvEpisode tvEpisode tvEpisode tvEpisode tvSeries video tvMovie tvEpisode tvEpisode tvEpisode movie short tvEpisode tvEpisode tvEpisode tvSpecial", type, " ")
    split("Drama Comedy Documentary Action Romance Thriller Crime Horror Adventure Family Animation Short", genre, " ")
    basics = "gzip > " folder "/title.basics.tsv.gz"; akas = "gzip > " folder "/title.akas.tsv.gz"
    crew = "gzip > " folder "/title.crew.tsv.gz"; names = "gzip > " folder "/name.basics.tsv.gz"
    ratings = "gzip > " folder "/title.ratings.tsv.gz"; diary = folder "/diary.csv"
    print "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres" | basics
    print "titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle" | akas
    print "tconst\tdirectors\twriters" | crew
    print "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles" | names
    print "tconst\taverageRating\tnumVotes" | ratings
    print "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date" > diary
    step = int(n / 10 / films); if (step < 1) step = 1
    chosen = 0; movies = 0
    for (i = 1; i <= n; i++) {
        id = sprintf("tt%07d", i)
        t = type[i % 20 + 1]
        title = word[i % w + 1] " " word[int(i / w) % w + 1] (i % 3 == 0 ? "" : " " word[int(i / (w * w)) % w + 1])
        if (i % 11 == 0) title = title " " int(i / 1000)
        original = (i % 4 == 0) ? "Le " title : title
        year = 1894 + (i * 7) % 131
        runtime = (i % 9 == 0) ? "\\N" : 5 + i % 180
        g = genre[i % 12 + 1] (i % 2 ? "," genre[(i * 5) % 12 + 1] : "")
        printf "%s\t%s\t%s\t%s\t0\t%d\t\\N\t%s\t%s\n", id, t, title, original, year, runtime, g | basics
        for (k = 1; k <= (i % 8 == 0 ? 9 : 4); k++)
            printf "%s\t%d\t%s\t%s\t\\N\timdbDisplay\t\\N\t0\n", id, k, (k == 1 ? original : title " (" word[(i + k) % w + 1] ")"), (k % 2 ? "US" : "FR") | akas
        printf "%s\tnm%07d\tnm%07d,nm%07d\n", id, i % 3000000 + 1, (i * 3) % 3000000 + 1, (i * 7) % 3000000 + 1 | crew
        if (i % 7 == 0) printf "%s\t%.1f\t%d\n", id, 1 + (i % 90) / 10, (i * 13) % 5000 | ratings
        if (t == "movie" && chosen < films && movies++ % step == 0) {
            chosen++
            printf "2024-%02d-%02d,\"%s\",%d,https://boxd.it/x%d,%.1f,,,2024-%02d-%02d\n", chosen % 12 + 1, chosen % 28 + 1, title, year, i, (chosen % 10 + 1) / 2, chosen % 12 + 1, chosen % 28 + 1 > diary
        }
    }
    for (j = 1; j <= int(n * 1.25); j++)
        printf "nm%07d\t%s %s\t%d\t\\N\tdirector,writer\t\\N\n", j, word[j % w + 1], word[int(j / w) % w + 1], 1880 + j % 120 | names
    close(basics); close(akas); close(crew); close(names); close(ratings)
    printf "%d titles; %d films in the diary\n", n, chosen > "/dev/stderr"
}'
