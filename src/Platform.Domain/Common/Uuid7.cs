using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Platform.Domain.Common;

/// <summary>
/// Time-ordered UUIDs (version 7, RFC 9562) that are also strictly increasing within the process: ids created at
/// the same millisecond, or with a clock that stepped back, still sort in the order they were made (a 12-bit
/// counter in <c>rand_a</c>, method 1 of the RFC). A unit of work saves once, and EF inserts the rows of a table
/// in key order, so this is what keeps rows made one after the other in one command in that order (status events
/// at the same instant, outbox messages).
/// </summary>
public static class Uuid7
{
    private const int CounterMax = 0xFFF;

    private static readonly Lock Gate = new();
    private static long lastMilliseconds = -1;
    private static int lastCounter;

    public static Guid Create(DateTimeOffset at)
    {
        var milliseconds = Math.Max(0, at.ToUnixTimeMilliseconds());
        int counter;
        lock (Gate)
        {
            if (milliseconds > lastMilliseconds)
            {
                // A fresh millisecond starts the counter at a random point in its lower half: unpredictable, with
                // room left to count up.
                counter = RandomNumberGenerator.GetInt32(0, (CounterMax + 1) / 2);
            }
            else
            {
                milliseconds = lastMilliseconds;
                counter = lastCounter + 1;
                if (counter > CounterMax)
                {
                    milliseconds++;
                    counter = 0;
                }
            }

            lastMilliseconds = milliseconds;
            lastCounter = counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
