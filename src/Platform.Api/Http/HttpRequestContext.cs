using Platform.Application.Common.Interfaces;

namespace Platform.Api.Http;

internal sealed class HttpRequestContext(IHttpContextAccessor accessor) : IRequestContext
{
    public string? RequestId => accessor.HttpContext?.TraceIdentifier;

    public string? TraceId => System.Diagnostics.Activity.Current?.TraceId.ToHexString();
}
