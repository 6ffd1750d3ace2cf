namespace Platform.Application.Common.Email;

public enum EmailProvider
{
    Simulated,
    Smtp,
    Postmark,
}
