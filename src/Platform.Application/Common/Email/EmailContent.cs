namespace Platform.Application.Common.Email;

/// <summary>A rendered message: the subject and both parts, every value already escaped for its part.</summary>
public sealed record EmailContent(string Subject, string Text, string Html);
