using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Behaviours;
using Platform.Application.Common.Email;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.UnitOfWork;
using Platform.Domain.Email;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Inbound;

/// <summary>
/// What every email provider's events do, whichever provider sent them: store the event once (per provider and
/// provider event id), follow it on the message it is about, and keep the suppression list: hard bounces, complaints
/// and unsubscribes suppress at once, soft bounces once there are <c>Email:Suppression:SoftBounceLimit</c> of them
/// within the window. Runs in the inbound event's transaction.
/// </summary>
internal sealed class EmailEventRecorder(
    IPlatformDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider, IUnitOfWork unitOfWork, ApplicationMetrics metrics)
{
    public async Task RecordAsync(ProviderEmailEvent report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (await db.EmailEvents.AnyAsync(e => e.Provider == report.Provider && e.ProviderEventId == report.ProviderEventId, cancellationToken))
        {
            // Seen before (an admin reprocessed the inbound event): its effects are already there.
            return;
        }

        var now = timeProvider.GetUtcNowMicros();
        Guid? messageId = null;
        if (report.ProviderMessageId is not null)
        {
            var message = await db.EmailMessages
                .Where(m => m.Provider == report.Provider && m.ProviderMessageId == report.ProviderMessageId)
                .OrderByDescending(m => m.CreatedAt)
                .FirstOrDefaultAsync(cancellationToken);
            message?.RecordProviderEvent(report.Kind);
            messageId = message?.Id;
        }

        var recorded = EmailEvent.Record(
            report.Provider, report.ProviderEventId, report.Kind, report.Recipient, report.OccurredAt, messageId, report.Raw, now);
        db.EmailEvents.Add(recorded);

        var reason = recorded.ImmediateSuppression;
        if (reason is null && report.Kind == EmailEventKind.SoftBounce && await SoftBouncesReachLimitAsync(recorded, cancellationToken))
        {
            reason = SuppressionReason.SoftBounce;
        }

        if (reason is { } suppress)
        {
            await SuppressAsync(report.Recipient, suppress, report.Provider, now, cancellationToken);
        }

        unitOfWork.AfterCommit(() =>
        {
            if (report.Kind is EmailEventKind.HardBounce or EmailEventKind.SoftBounce)
            {
                metrics.EmailBounced(report.Provider, report.Kind == EmailEventKind.HardBounce ? "hard_bounce" : "soft_bounce");
            }
            else if (report.Kind == EmailEventKind.Complaint)
            {
                metrics.EmailComplained(report.Provider);
            }
        });
    }

    /// <summary>
    /// The provider lifted its own suppression of an address (Postmark's reactivation): our entry goes too, if this
    /// provider put it there for a reason other than a complaint. Entries an admin added, or a complaint, stay.
    /// </summary>
    public async Task LiftAsync(string recipient, string provider, CancellationToken cancellationToken)
    {
        var key = EmailAddress.Normalize(recipient);
        var entry = await db.EmailSuppressions.FirstOrDefaultAsync(s => s.Email == key, cancellationToken);
        if (entry is not null && entry.Source == provider && entry.Reason != SuppressionReason.Complaint)
        {
            db.EmailSuppressions.Remove(entry);
        }
    }

    private async Task<bool> SoftBouncesReachLimitAsync(EmailEvent bounce, CancellationToken cancellationToken)
    {
        var suppression = options.Value.Suppression;
        var since = bounce.OccurredAt - suppression.SoftBounceWindow;
        var earlier = await db.EmailEvents.CountAsync(
            e => e.Recipient == bounce.Recipient && e.Kind == EmailEventKind.SoftBounce && e.OccurredAt > since && e.OccurredAt <= bounce.OccurredAt,
            cancellationToken);
        return earlier + 1 >= suppression.SoftBounceLimit;
    }

    private async Task SuppressAsync(string recipient, SuppressionReason reason, string provider, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = EmailAddress.Normalize(recipient);
        var entry = await db.EmailSuppressions.FirstOrDefaultAsync(s => s.Email == key, cancellationToken);
        if (entry is null)
        {
            db.EmailSuppressions.Add(EmailSuppression.FromProvider(recipient, reason, provider, now));
        }
        else
        {
            entry.Escalate(reason, provider);
        }
    }
}
