namespace Platform.Architecture.Tests.Canaries.Features.Common;

public sealed class CanaryClock
{
    public DateTimeOffset Now { get; } = DateTimeOffset.UnixEpoch;
}
