/* wgo (issue 12, 23): search in the site's language that forgives plurals and typing mistakes, appended to
 * Material's search worker by theme/hooks/wgo_search.py (its docstring says where the stems come from).
 *
 * Material adds a trailing wildcard to every word typed ("vergrendelingen" becomes "vergrendelingen*"),
 * and lunr leaves wildcard terms out of the search pipeline, stemmer and stop-word filter alike. Here:
 *   - the index keeps each word as written and adds its Snowball stem, from the table the build wrote
 *     into the search index (config.fields.text.wgo.stems), so that words being typed are still found;
 *   - a query word is stemmed before Material's wildcard applies, by the same Snowball algorithm built
 *     to WebAssembly (assets/stemmer/), or from the table until that has loaded: "instructies" finds
 *     "instructie", "monsterflesjes" finds "monsterflesje";
 *   - a stop word in a query is dropped: as "de*" it matched every word starting with "de", and the
 *     page with the most of those came first;
 *   - index and query fold accents and the dotless i ("Yilmaz" finds "Yılmaz");
 *   - a query that finds nothing is asked again with each of its words replaced by the site's word one
 *     typing mistake away (lunr's edit distance 1), and that result carries the line that says so
 *     (wgoCorrected, shown by assets/wgo-search.js);
 *   - a word matched both as written and by its stem is highlighted once.
 * Every other part of Material's search stays as it is.
 */

// The Snowball stemmer of the npm package multilingual-stemmer (assets/stemmer/NOTICE.txt), loaded
// without its ES-module glue, which a classic worker script cannot import.
self.wgoSnowball = (function () {
  "use strict"
  var encoder = new TextEncoder()
  var decoder = new TextDecoder("utf-8", { fatal: true })

  // The module's imports, named as its wasm-bindgen glue (dist/browser/index.js) names them, less
  // the hash that wasm-bindgen appends: an error raised inside, and the table of JavaScript values
  // it sets up when it starts.
  function imports(module, exports) {
    var glue = {}
    WebAssembly.Module.imports(module).forEach(function (entry) {
      var fn = /^__wbg___wbindgen_throw_/.test(entry.name)
        ? function (pointer, length) { throw new Error(text(exports(), pointer, length)) }
        : entry.name === "__wbindgen_init_externref_table" ? function () { initTable(exports()) } : null
      if (!fn) throw new Error("snowball.wasm: unknown import " + entry.name)
      ;(glue[entry.module] = glue[entry.module] || {})[entry.name] = fn
    })
    return glue
  }

  function initTable(wasm) {
    var table = wasm.__wbindgen_externrefs
    var offset = table.grow(4)
    table.set(0, undefined)
    table.set(offset, undefined)
    table.set(offset + 1, null)
    table.set(offset + 2, true)
    table.set(offset + 3, false)
  }

  function text(wasm, pointer, length) {
    return decoder.decode(new Uint8Array(wasm.memory.buffer, pointer >>> 0, length))
  }

  // A promise of the stemmer (word → stem) for the language numbered `language` in the module.
  function load(bytes, language) {
    var wasm
    return WebAssembly.compile(bytes).then(function (module) {
      return WebAssembly.instantiate(module, imports(module, function () { return wasm }))
    }).then(function (instance) {
      wasm = instance.exports
      wasm.__wbindgen_start()
      var stemmer = wasm.stemmer_new(language)
      return function stem(word) {
        var input = encoder.encode(word)
        var pointer = wasm.__wbindgen_malloc(input.length, 1) >>> 0  // the module frees the input
        new Uint8Array(wasm.memory.buffer, pointer, input.length).set(input)
        var output = wasm.stemmer_stem(stemmer, pointer, input.length)  // [pointer, length], ours to free
        try {
          return text(wasm, output[0], output[1])
        } finally {
          wasm.__wbindgen_free(output[0], output[1], 1)
        }
      }
    })
  }

  return { load: load }
})()

;(function (lunr) {
  "use strict"
  if (!lunr || lunr.wgoSearch) return
  lunr.wgoSearch = true

  var QUERY = 2, RESULT = 3  // Material's SearchMessageType
  var search = {
    stems: new Map(),   // word → Snowball stem, from the build
    written: new Set(), // the words of the index as written (not their stems): what a correction may offer
    stem: null,         // the WebAssembly stemmer, once loaded
    stopWords: [],
    corrected: null,    // the line for a corrected query, with {query} and {correction}
    index: null
  }

  var EXTRA = { "ı": "i", "İ": "i", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe" }

  function fold(text) {
    return text
      .replace(/[ıİøØłŁßæÆœŒ]/g, function (c) { return EXTRA[c] })
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
  }

  function stemmed(word) {
    var stem = search.stem ? search.stem(word) : search.stems.get(word)
    return stem || word  // an empty stem would match everything
  }

  function isStopWord(word) {
    var token = new lunr.Token(word, {})
    return search.stopWords.some(function (filter) { return !filter(token) })
  }

  // The worker's address: in the iframe that stands in for a worker over file:// (assets/iframe-worker),
  // the first script with an address, as Material's worker finds it too.
  function workerAddress() {
    var script = typeof document !== "undefined" && document.querySelector("script[src]")
    return script ? script.src : self.location.href
  }

  // Over file:// nothing can be fetched: the offline build has the bytes as a script beside the file.
  function stemmerBytes() {
    var wasm = new URL("../../stemmer/snowball.wasm", workerAddress())
    if (wasm.protocol === "file:") {
      return Promise.resolve(importScripts(wasm.href + ".js")).then(function () {
        return Uint8Array.from(atob(self.wgoSnowballWasm), function (c) { return c.charCodeAt(0) })
      })
    }
    return fetch(wasm.href).then(function (response) {
      if (!response.ok) throw new Error(wasm.href + ": " + response.status)
      return response.arrayBuffer()
    })
  }

  function setUp(data) {
    search.stems = new Map(Object.entries(data.stems || {}))
    search.corrected = data.corrected || null
    if (typeof data.stemmer !== "number" || typeof WebAssembly !== "object") return
    stemmerBytes()
      .then(function (bytes) { return self.wgoSnowball.load(bytes, data.stemmer) })
      .then(function (stem) {
        search.stem = stem
        self.wgoSnowball.loaded = true  // for the tests, which wait for it
      }, function (error) {
        console.warn("wgo search: no Snowball stemmer for queries; the site's own words are still stemmed", error)
      })
  }

  // The build's data comes with the options of the text field (wgo_search.py says why): Material hands
  // each field's options to lunr's Builder.field, before it adds any document.
  var field = lunr.Builder.prototype.field
  lunr.Builder.prototype.field = function (name, attributes) {
    if (attributes && attributes.wgo) setUp(attributes.wgo)
    return field.call(this, name, attributes)
  }

  // Index side: fold, drop stop words (lunr's filter, in the pipeline already), keep each word and add its stem.
  function foldToken(token) {
    return token.update(fold)
  }
  lunr.Pipeline.registerFunction(foldToken, "wgoFold")

  function stemToken(token) {
    var word = token.toString()
    var stem = search.stems.get(word)
    search.written.add(word)
    return stem ? [token, token.clone(function () { return stem })] : token
  }
  lunr.Pipeline.registerFunction(stemToken, "wgoStem")

  // Query side, for a term without a wildcard (typed "+word" or "word~1"): the same, with the query's stemmer.
  function stemQueryToken(token) {
    return token.update(stemmed)
  }
  lunr.Pipeline.registerFunction(stemQueryToken, "wgoStemQuery")

  function labelled(pattern) {
    return function (fn) { return typeof fn.label === "string" && pattern.test(fn.label) }
  }
  var isStemmer = labelled(/^stemmer/), isStopWordFilter = labelled(/^stopWordFilter/)

  function notStemmer(fn) {
    return !isStemmer(fn)
  }

  var add = lunr.Builder.prototype.add
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this.wgoPrepared) {
      this.wgoPrepared = true
      search.stopWords = this.pipeline._stack.filter(isStopWordFilter)  // lunr's languages filter the index only
      this.pipeline._stack = [foldToken].concat(this.pipeline._stack.filter(notStemmer), [stemToken])
      this.searchPipeline._stack = [foldToken].concat(this.searchPipeline._stack.filter(notStemmer), [stemQueryToken])
    }
    return add.call(this, doc, attributes)
  }

  // Query side: every clause passes here, both in the search itself and in Material's analysis of
  // which words were found. Fold each term; stem one that ends in the wildcard Material added, or
  // leave it out when it is a stop word.
  var clause = lunr.Query.prototype.clause
  lunr.Query.prototype.clause = function (c) {
    if (typeof c.term === "string") {
      c.term = fold(c.term)
      var match = c.usePipeline === false && /^([^*]+)\*$/.exec(c.term)
      if (match && isStopWord(match[1])) return this
      if (match) c.term = stemmed(match[1]) + "*"
    }
    return clause.call(this, c)
  }

  // Each search, in order: Material answers the questions in the order they come, one search each.
  var asked = [], correcting = null
  var indexSearch = lunr.Index.prototype.search
  lunr.Index.prototype.search = function (queryString) {
    search.index = this
    asked.push({ query: queryString, mistyped: correcting })
    return indexSearch.call(this, queryString)
  }

  // A query of stop words only has no clause left, and lunr answers that with every entry, unranked.
  var query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    var clauses = 0
    var results = query.call(this, function (q) {
      fn.call(q, q)
      clauses = q.clauses.length
    })
    if (!clauses) return []
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

  // Typing mistakes: an empty answer is held back and the query asked again, corrected (the question
  // goes to Material's own listener, which searches at once); that answer goes out with the line that says so.
  var post = self.postMessage
  self.postMessage = function (message) {
    var question = message && message.type === RESULT ? asked.shift() : null
    var correction = question && !question.mistyped && !message.data.items.length && corrected(question.query)
    if (correction) {
      correcting = correction.mistyped
      try {
        self.dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: correction.query } }))
      } finally {
        correcting = null
      }
      return
    }
    if (question && question.mistyped && message.data.items.length && search.corrected) {
      message.data.wgoCorrected = search.corrected
        .replace("{query}", function () { return question.mistyped })
        .replace("{correction}", function () { return question.query.replace(/\*/g, "") })
    }
    return post.apply(self, arguments)
  }

  // The query as Material gave it to lunr ("driewegkaan*"), with each word that the site lacks replaced
  // by its nearest word: { query, mistyped }, or nothing when no word changes. Words shorter than five
  // letters stay: one mistake in a short word is more often another word.
  function corrected(queryString) {
    var terms = queryString.trim().split(/\s+/)
    if (!search.index || !terms.every(function (term) { return /^[^*+\-:^~]+\*$/.test(term) })) return null  // lunr's own syntax: as typed
    var changed = false
    var words = terms.map(function (term) {
      var word = term.slice(0, -1)
      var folded = fold(word.toLowerCase())
      var better = folded.length >= 5 && !isStopWord(folded) && nearest(folded)
      if (better) changed = true
      return better || word
    })
    return changed ? { query: words.join(" "), mistyped: terms.join(" ").replace(/\*/g, "") } : null
  }

  // Of the site's words one edit from `word` (a letter added, left out or changed, or two swapped),
  // the one the most entries hold.
  function nearest(word) {
    var index = search.index
    var near = index.tokenSet.intersect(lunr.TokenSet.fromFuzzyString(word, 1)).toArray()  // in this order, as lunr does
    var best = null, most = 0
    near.sort().forEach(function (term) {
      var count = search.written.has(term) ? entries(index.invertedIndex[term]) : 0
      if (count > most) {
        best = term
        most = count
      }
    })
    return best
  }

  function entries(posting) {
    var refs = new Set()
    Object.keys(posting).forEach(function (field) {
      if (field !== "_index") Object.keys(posting[field]).forEach(function (ref) { refs.add(ref) })
    })
    return refs.size
  }
})(self.lunr)
