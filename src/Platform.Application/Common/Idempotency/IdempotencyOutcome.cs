namespace Platform.Application.Common.Idempotency;

/// <summary>Per-request result of the idempotency behaviour, read by the API to answer a replay with 200 and a header.</summary>
public sealed class IdempotencyOutcome
{
    public bool Replayed { get; private set; }

    public void MarkReplayed() => Replayed = true;

    public void Reset() => Replayed = false;
}
