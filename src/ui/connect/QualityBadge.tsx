import type { LinkQuality } from '../../profiles/link-quality';
import { quality as words, sensorCard } from '../strings';

// Shape and text as well as colour, so the level reads without colour vision.
const shapes = { good: '●', 'some-loss': '▲', 'heavy-loss': '■', 'no-data': '○' } as const;

export function QualityBadge({ quality }: { quality: LinkQuality }) {
  return (
    <div class={`quality quality--${quality.level}`}>
      <span class="quality-level">
        <span aria-hidden="true">{shapes[quality.level]}</span> {words[quality.level]}
      </span>
      <span class="quality-figures">
        {sensorCard.rate(quality.samplesPerS, quality.nominalSamplesPerS)} · {sensorCard.packetsPerS(quality.packetsPerS)} ·{' '}
        {sensorCard.lossPercent(quality.lossPercent)}
        {quality.lastPacketAgeMs !== null && <> · {sensorCard.lastPacket(quality.lastPacketAgeMs)}</>}
      </span>
    </div>
  );
}
