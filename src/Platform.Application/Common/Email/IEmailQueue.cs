namespace Platform.Application.Common.Email;

/// <summary>
/// Queues a message for the email workers. It is written with the caller's unit of work: inside a command it commits
/// or rolls back with the command's change, so a failed command sends nothing; from an outbox handler it is written
/// at once, and a second call for the same event, template and recipient adds nothing (the outbox delivers at least
/// once). The content is sealed at rest, so a secret it carries (a sign-in code) is never readable from the table.
/// </summary>
public interface IEmailQueue
{
    Task EnqueueAsync(EmailDraft draft, CancellationToken cancellationToken);
}
