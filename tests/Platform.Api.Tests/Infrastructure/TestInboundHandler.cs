using Platform.Application.Common.Inbound;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>The test source's handler: records each event it runs for, or fails while <see cref="TestInboundLog.Failing"/> is set.</summary>
public sealed class TestInboundHandler(TestInboundLog log) : IInboundEventHandler
{
    public Task HandleAsync(InboundEventContext inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        if (log.Failing)
        {
            throw new InvalidOperationException("The ledger the test source writes to is unavailable.");
        }

        log.Handled.Enqueue((inbound.Id, inbound.EventId, inbound.Type));
        return Task.CompletedTask;
    }
}
