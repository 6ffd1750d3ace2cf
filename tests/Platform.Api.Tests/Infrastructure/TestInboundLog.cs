using System.Collections.Concurrent;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>What the test source's handler did, and a switch that makes it fail, shared by the test and the host (a singleton).</summary>
public sealed class TestInboundLog
{
    public ConcurrentQueue<(Guid Id, string EventId, string Type)> Handled { get; } = new();

    /// <summary>While set, the handler throws (a downstream system is down).</summary>
    public volatile bool Failing;

    public int TimesHandled(string eventId) => Handled.Count(h => h.EventId == eventId);
}
