import { describe, expect, it } from 'vitest';
import { BEST_SCORES_KEY, loadBestScores, recordBestScore, SCORE_MAX, type ScoreStorage } from './best-scores.ts';

function memoryStorage(initial?: string): ScoreStorage & { text: () => string | null } {
  const map = new Map<string, string>();
  if (initial !== undefined) map.set(BEST_SCORES_KEY, initial);
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    text: () => map.get(BEST_SCORES_KEY) ?? null,
  };
}

describe('best scores', () => {
  it('start at zero and keep the best per difficulty', () => {
    const storage = memoryStorage();
    expect(loadBestScores(storage)).toEqual({ easy: 0, medium: 0, hard: 0 });
    expect(recordBestScore(storage, 'medium', 412.7)).toEqual({ best: { easy: 0, medium: 412, hard: 0 }, isNewBest: true });
    expect(recordBestScore(storage, 'medium', 300).isNewBest).toBe(false);
    expect(recordBestScore(storage, 'hard', 0).isNewBest).toBe(false);
    expect(recordBestScore(storage, 'hard', 150).isNewBest).toBe(true);
    expect(loadBestScores(storage)).toEqual({ easy: 0, medium: 412, hard: 150 });
    expect(JSON.parse(storage.text()!)).toEqual({ v: 1, best: { easy: 0, medium: 412, hard: 150 } });
  });

  it.each([
    ['not JSON', '{{{'],
    ['a number', '42'],
    ['null', 'null'],
    ['no version', '{"best":{"easy":10}}'],
    ['a newer version', '{"v":2,"best":{"easy":10}}'],
    ['best not an object', '{"v":1,"best":"lots"}'],
  ])('ignore garbage in storage: %s', (_name, text) => {
    expect(loadBestScores(memoryStorage(text))).toEqual({ easy: 0, medium: 0, hard: 0 });
  });

  it('keep the valid entries of a partly damaged record and drop implausible ones', () => {
    const text = JSON.stringify({ v: 1, best: { easy: 120, medium: -5, hard: SCORE_MAX + 1, extra: 9 } });
    expect(loadBestScores(memoryStorage(text))).toEqual({ easy: 120, medium: 0, hard: 0 });
    const fractional = '{"v":1,"best":{"easy":1.5,"medium":"300","hard":null}}';
    expect(loadBestScores(memoryStorage(fractional))).toEqual({ easy: 0, medium: 0, hard: 0 });
  });

  it('survive a storage that throws, and no storage at all', () => {
    const blocked: ScoreStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadBestScores(blocked)).toEqual({ easy: 0, medium: 0, hard: 0 });
    expect(recordBestScore(blocked, 'easy', 50)).toEqual({ best: { easy: 50, medium: 0, hard: 0 }, isNewBest: true });
    expect(recordBestScore(null, 'easy', 50).isNewBest).toBe(true);
  });
});
