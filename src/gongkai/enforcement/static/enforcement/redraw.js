// Re-run a 双随机 draw in the browser: CPython's random.Random(seed).sample, step for step
// (Mersenne Twister MT19937 seeded by init_by_array with the seed's 32-bit words, getrandbits,
// _randbelow by rejection, sample's pool and set methods). See enforcement/draw.py.
"use strict";
(function () {
  const N = 624;

  function MT(seed) {
    this.mt = new Uint32Array(N);
    this.index = N;
    let n = BigInt(seed);
    if (n < 0n) n = -n;
    const key = [];
    while (n > 0n) { key.push(Number(n & 0xffffffffn)); n >>= 32n; }
    if (key.length === 0) key.push(0);
    this.initByArray(key);
  }
  MT.prototype.initGenrand = function (s) {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      mt[i] = (Math.imul(1812433253, mt[i - 1] ^ (mt[i - 1] >>> 30)) + i) >>> 0;
    }
  };
  MT.prototype.initByArray = function (key) {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1, j = 0;
    for (let k = Math.max(N, key.length); k; k--) {
      mt[i] = ((mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), 1664525)) + key[j] + j) >>> 0;
      i++; j++;
      if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k; k--) {
      mt[i] = ((mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
    }
    mt[0] = 0x80000000;
  };
  MT.prototype.next = function () {
    const mt = this.mt;
    if (this.index >= N) {
      for (let k = 0; k < N; k++) {
        const y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
        mt[k] = mt[(k + 397) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
  MT.prototype.getrandbits = function (k) { return this.next() >>> (32 - k); };  // k <= 32
  MT.prototype.randbelow = function (n) {
    const k = n.toString(2).length;
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  };
  MT.prototype.sample = function (population, k) {
    const n = population.length;
    const result = new Array(k);
    let setsize = 21;
    if (k > 5) setsize += Math.pow(4, Math.ceil(Math.log(k * 3) / Math.log(4)));
    if (n <= setsize) {
      const pool = population.slice();
      for (let i = 0; i < k; i++) {
        const j = this.randbelow(n - i);
        result[i] = pool[j];
        pool[j] = pool[n - i - 1];
      }
    } else {
      const selected = new Set();
      for (let i = 0; i < k; i++) {
        let j = this.randbelow(n);
        while (selected.has(j)) j = this.randbelow(n);
        selected.add(j);
        result[i] = population[j];
      }
    }
    return result;
  };

  function sortedCodes(list) {
    return list.map((e) => e.code).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  function redraw(data) {
    const rng = new MT(data.seed);
    const inspectors = sortedCodes(data.inspectors);
    return rng.sample(sortedCodes(data.targets), data.k).map((target) => ({
      target: target,
      inspectors: rng.sample(inspectors, data.m),
    }));
  }
  window.gongkaiRedraw = redraw;

  document.addEventListener("DOMContentLoaded", function () {
    const button = document.getElementById("redraw");
    const source = document.getElementById("draw-data");
    if (!button || !source) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      const data = JSON.parse(source.textContent);
      const picks = redraw(data);
      const out = document.getElementById("redraw-result");
      const same = JSON.stringify(picks) === JSON.stringify(data.chosen);
      out.textContent = "";
      const list = document.createElement("ol");
      picks.forEach((p) => {
        const item = document.createElement("li");
        item.textContent = p.target + "：" + p.inspectors.join("、");
        list.appendChild(item);
      });
      const verdict = document.createElement("p");
      verdict.className = same ? "verdict same" : "verdict differs";
      verdict.textContent = same ? button.dataset.same : button.dataset.differs;
      out.appendChild(verdict);
      out.appendChild(list);
    });
  });
})();
