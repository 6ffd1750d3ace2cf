using Platform.Application.Common.Email;

namespace Platform.Infrastructure.Email;

/// <summary>One message as a transport sends it: opened, addressed, ready.</summary>
internal sealed record OutgoingEmail(Guid Id, EmailSender From, string To, string Subject, string Text, string Html);
