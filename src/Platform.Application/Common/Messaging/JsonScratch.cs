using System.Buffers;
using System.Text.Json;

namespace Platform.Application.Common.Messaging;

/// <summary>
/// Two reusable UTF-8 buffers with a JSON writer each, for the request path's JSON that is written only to be
/// hashed, scanned or copied (request fingerprints, stored responses, audit changes): rented per thread, so writing
/// them allocates only the result. Rent and return within synchronous code (no await in between); a nested rent on the
/// same thread gets fresh buffers. The writers write as <see cref="ApplicationJson"/> does (its encoder, not indented).
/// </summary>
internal sealed class JsonScratch
{
    /// <summary>Buffers that grew beyond this (a very large request) are not kept.</summary>
    private const int MaxKeptBytes = 64 * 1024;

    [ThreadStatic]
    private static JsonScratch? cached;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ApplicationJson.Options.Encoder, Indented = false };

    private JsonScratch()
    {
        FirstWriter = new Utf8JsonWriter(First, WriterOptions);
        SecondWriter = new Utf8JsonWriter(Second, WriterOptions);
    }

    public ArrayBufferWriter<byte> First { get; } = new(1024);

    public Utf8JsonWriter FirstWriter { get; }

    public ArrayBufferWriter<byte> Second { get; } = new(1024);

    public Utf8JsonWriter SecondWriter { get; }

    public static JsonScratch Rent()
    {
        var scratch = cached ?? new JsonScratch();
        cached = null;
        return scratch;
    }

    public static void Return(JsonScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        if (scratch.First.Capacity > MaxKeptBytes || scratch.Second.Capacity > MaxKeptBytes)
        {
            return;
        }

        scratch.First.ResetWrittenCount();
        scratch.Second.ResetWrittenCount();
        scratch.FirstWriter.Reset(scratch.First);
        scratch.SecondWriter.Reset(scratch.Second);
        cached = scratch;
    }
}
