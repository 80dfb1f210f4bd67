/* wgo (issue 12): search in the site's language and still find whole words, appended to Material's
 * search worker by theme/hooks/wgo_search.py.
 *
 * Material adds a trailing wildcard to every word typed ("vergrendelingen" becomes
 * "vergrendelingen*"), and lunr leaves wildcard terms out of the search pipeline: with the stemmer
 * in the pipeline the index holds "vergrendel" and the query looks for words starting with
 * "vergrendelingen", so a whole word found nothing. Here:
 *   - the index keeps each word as written and adds its stem, so words being typed are still found;
 *   - a query word with only a trailing wildcard is stemmed before the wildcard is applied, so
 *     "vergrendelingen" finds "vergrendeling" and "locked" finds "locking";
 *   - index and query fold accents and the dotless i ("Yilmaz" finds "Yılmaz");
 *   - a word matched both as written and by its stem is highlighted once.
 * Every other part of Material's search stays as it is.
 */
;(function (lunr) {
  if (!lunr || lunr.wgoSearch) return
  lunr.wgoSearch = true

  var EXTRA = { "ı": "i", "İ": "i", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe" }

  function fold(text) {
    return text
      .replace(/[ıİøØłŁßæÆœŒ]/g, function (c) { return EXTRA[c] })
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
  }

  function isStemmer(fn) {
    return typeof fn.label === "string" && /^stemmer/.test(fn.label)
  }

  // Index side: fold first, then each stemmer keeps the word and adds its stem (the search pipeline,
  // for terms without a wildcard, stems alone, as lunr does).
  function foldToken(token) {
    return token.update(fold)
  }
  lunr.Pipeline.registerFunction(foldToken, "wgoFold")

  function keepingWords(stemmer) {
    var keeping = function (token, i, tokens) {
      var stemmed = stemmer(token.clone(), i, tokens)
      return stemmed && stemmed.toString() !== token.toString() ? [token, stemmed] : token
    }
    lunr.Pipeline.registerFunction(keeping, "wgoKeeping-" + stemmer.label)
    return keeping
  }

  var queryStemmers = []
  var add = lunr.Builder.prototype.add
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this.wgoPrepared) {
      this.wgoPrepared = true
      queryStemmers = this.searchPipeline._stack.filter(isStemmer)
      this.pipeline._stack = [foldToken].concat(this.pipeline._stack.map(function (fn) {
        return isStemmer(fn) ? keepingWords(fn) : fn
      }))
    }
    return add.call(this, doc, attributes)
  }

  // Query side: every clause passes here, both in the search itself and in Material's analysis of
  // which words were found. Fold each term; stem one that ends in the wildcard Material added.
  var clause = lunr.Query.prototype.clause
  lunr.Query.prototype.clause = function (c) {
    if (typeof c.term === "string") {
      c.term = fold(c.term)
      var match = c.usePipeline === false && /^([^*]+)\*$/.exec(c.term)
      if (match) {
        var stem = match[1]
        queryStemmers.forEach(function (stemmer) {
          var token = stemmer(new lunr.Token(stem, {}))
          if (token && token.toString()) stem = token.toString()  // an empty stem would match everything
        })
        c.term = stem + "*"
      }
    }
    return clause.call(this, c)
  }

  var query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    var results = query.call(this, fn)
    results.forEach(dropRepeatedPositions)
    return results
  }

  // A word matched as written and by its stem would be highlighted twice.
  function dropRepeatedPositions(result) {
    var seen = {}
    var metadata = result.matchData.metadata
    Object.keys(metadata).forEach(function (term) {
      Object.keys(metadata[term]).forEach(function (field) {
        var data = metadata[term][field]
        if (!data.position) return
        var known = seen[field] || (seen[field] = {})
        data.position = data.position.filter(function (position) {
          var key = String(position)
          if (known[key]) return false
          known[key] = true
          return true
        })
      })
    })
  }
})(self.lunr)
