namespace Monitor.Fuzz.Tests;

/// <summary>
/// AFL-style mutations from a fixed seed, so every run tries the same inputs: bit flips, random bytes, dictionary
/// tokens inserted or written over, blocks deleted or duplicated, truncation, and splices of two seeds.
/// </summary>
internal sealed class Mutator(IReadOnlyList<byte[]> seeds, IReadOnlyList<byte[]> tokens, int seed)
{
    private readonly Random _random = new(seed);

    public byte[] Next()
    {
        var data = new List<byte>(seeds[_random.Next(seeds.Count)]);
        for (var steps = 1 + _random.Next(4); steps > 0; steps--)
        {
            Mutate(data);
        }

        return [.. data];
    }

    private void Mutate(List<byte> data)
    {
        var at = data.Count == 0 ? 0 : _random.Next(data.Count);
        switch (_random.Next(8))
        {
            case 0 when data.Count > 0:
                data[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[at] = (byte)_random.Next(256);
                break;
            case 2:
                data.InsertRange(at, tokens[_random.Next(tokens.Count)]);
                break;
            case 3:
                var token = tokens[_random.Next(tokens.Count)];
                for (var i = 0; i < token.Length && at + i < data.Count; i++)
                {
                    data[at + i] = token[i];
                }

                break;
            case 4 when data.Count > 0:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(32)));
                break;
            case 5 when data.Count > 0:
                var length = Math.Min(data.Count - at, 1 + _random.Next(64));
                data.InsertRange(_random.Next(data.Count), data.GetRange(at, length));
                break;
            case 6 when data.Count > 0:
                data.RemoveRange(at, data.Count - at);
                break;
            default:
                var other = seeds[_random.Next(seeds.Count)];
                var from = other.Length == 0 ? 0 : _random.Next(other.Length);
                data.RemoveRange(at, data.Count - at);
                data.AddRange(other.AsSpan(from).ToArray());
                break;
        }
    }
}
