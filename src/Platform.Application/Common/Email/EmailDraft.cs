namespace Platform.Application.Common.Email;

/// <summary>One message to send. <see cref="EventId"/> is the outbox message it answers, null when a command writes it.</summary>
public sealed record EmailDraft(string Template, string Recipient, EmailContent Content, Guid? EventId = null);
