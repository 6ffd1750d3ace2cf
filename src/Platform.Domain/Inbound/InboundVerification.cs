namespace Platform.Domain.Inbound;

/// <summary>
/// How checking one inbound webhook request went. <see cref="Failure"/> says why it was refused, for the log and
/// the source's operator, never for the sender (who gets a bare 401).
/// </summary>
public sealed record InboundVerification(bool Verified, string? Failure)
{
    public static InboundVerification Passed { get; } = new(true, null);

    public static InboundVerification Refused(string failure) => new(false, failure);
}
