using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Platform.Application.Common.Behaviours;
using Platform.Application.Tickets.Queries.GetTicket;
using Platform.Testing;

namespace Platform.Application.Tests.Common;

/// <summary>A request whose caller went away (a closed connection cancels its token) is not an error of ours.</summary>
public sealed class CancelledRequestTests : ApplicationTestBase
{
    [Test]
    public async Task A_request_cancelled_by_its_caller_is_counted_as_cancelled_and_not_logged_as_a_failure()
    {
        var customer = await CustomerAsync();
        var errors = new ErrorLog();
        await using var host = new ApplicationTestHost(Database, configure: services => services.AddLogging(l => l.AddProvider(errors)));
        var outcomes = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ApplicationMetrics.MeterName && instrument is Histogram<double>)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    outcomes.Add((string)tag.Value!);
                }
            }
        });
        listener.Start();

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TestCurrentUser>().User = customer;
            Assert.CatchAsync<OperationCanceledException>(() =>
                scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetTicketQuery(Guid.NewGuid()), cancelled.Token));
        }

        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Is.EqualTo(new[] { "cancelled" }));
            Assert.That(errors.Messages, Is.Empty);
        });
    }

    private sealed class ErrorLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log.Messages.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
