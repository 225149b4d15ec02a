/**
 * The classifier's evidence on inline strings: sentence ends, date lines, the stoplist a text picks. (The
 * classify stage on whole pages: tests/stages/classify.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { endsAsSentence, sentenceEnds } from '../../src/classify/patterns.js';
import { detectStopLang } from '../../src/classify/language.js';
import { isDateLine } from '../../src/classify/features.js';
import { defaultThresholds } from '../../src/thresholds.js';

const t = defaultThresholds();

describe('classify patterns', () => {
  it('knows sentence ends in Latin, Korean and CJK text', () => {
    expect(endsAsSentence('메타가 다음 장을 준비한다고 밝혔다.')).toBe(true);
    expect(endsAsSentence('“이것은 평생의 경험이었다.”')).toBe(true);
    expect(endsAsSentence('公园将在本周末重新开放。')).toBe(true);
    expect(endsAsSentence('次は紅葉の季節に来たい！')).toBe(true);
    expect(endsAsSentence('Costs and timetable')).toBe(false);
    expect(sentenceEnds('Price rose 2.5 percent. Then it fell.')).toBe(2);
  });

  it('tells date lines from sentences with a date', () => {
    expect(isDateLine('입력 2023-06-18 15:09', t)).toBe(true);
    expect(isDateLine('2024年4月3日 10:15', t)).toBe(true);
    expect(isDateLine('Updated March 3, 2024', t)).toBe(true);
    expect(isDateLine('The council met on March 3, 2024 to vote on the ferry plan for the island', t)).toBe(false);
  });

  it('picks a stoplist by script, and none for Latin text that is not English', () => {
    expect(detectStopLang('The council voted on Tuesday to bring back the ferry that once linked the town with the island.')).toBe('en');
    expect(detectStopLang('Der Gemeinderat hat am Dienstag beschlossen, die alte Fähre wieder fahren zu lassen.')).toBeUndefined();
    expect(detectStopLang('桜の季節の京都はどこも人でいっぱいです。')).toBe('ja');
    expect(detectStopLang('城市公园完成改造，周末重新开放。')).toBe('zh');
    expect(detectStopLang('메타가 새로운 조직을 만들었다.')).toBe('ko');
  });
});
