namespace Platform.Api.Http;

public sealed class RequestLimitsOptions
{
    public const string SectionName = "RequestLimits";

    /// <summary>Largest accepted request body in bytes. Default 1 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
