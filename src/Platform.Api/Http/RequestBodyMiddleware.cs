using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Platform.Api.Http;

/// <summary>
/// Rejects bodies over the configured size with 413 (by Content-Length up front, and by the server's limit for
/// chunked bodies) and bodies that are not JSON with 415, before any endpoint reads them. Inbound webhook routes
/// and CSP reports (<see cref="RouteBodyMetadata"/>) have a cap and content types of their own.
/// </summary>
internal sealed class RequestBodyMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var special = context.GetEndpoint()?.Metadata.GetMetadata<RouteBodyMetadata>();
        var limit = special?.MaxBodyBytes ?? options.Value.MaxBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (hasBody && request.ContentLength > limit)
        {
            await Problems.WriteAsync(context, 413, ProblemCodes.TooLarge, "Content Too Large", $"The request body must be at most {limit} bytes.");
            return;
        }

        var sendsContent = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);
        if (hasBody && sendsContent && special is not null && !special.Accepts(request.ContentType))
        {
            await Problems.WriteAsync(context, 415, ProblemCodes.UnsupportedMediaType, "Unsupported Media Type", $"Send the body as {special.AcceptedList}.");
            return;
        }

        if (hasBody && sendsContent && special is null && !IsJson(request.ContentType))
        {
            await Problems.WriteAsync(context, 415, ProblemCodes.UnsupportedMediaType, "Unsupported Media Type", "Send the body as application/json in UTF-8.");
            return;
        }

        if (hasBody && request.ContentLength is null)
        {
            // Chunked bodies: count as they are read.
            request.Body = new LimitedReadStream(request.Body, limit);
        }

        await next(context);
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        var mediaType = parsed.MediaType.Value;
        var charset = parsed.Charset.Value;
        var json = string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            || string.Equals(mediaType, "application/merge-patch+json", StringComparison.OrdinalIgnoreCase);

        // JSON is UTF-8 (RFC 8259); any other declared charset is refused rather than half-decoded.
        return json && (charset is null || string.Equals(charset.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            read += n;
            return read > limit ? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge) : n;
        }
    }
}
