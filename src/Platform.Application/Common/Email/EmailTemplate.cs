using System.Globalization;
using System.Net;
using System.Text;

namespace Platform.Application.Common.Email;

/// <summary>
/// Writes a message's text and HTML parts from the same lines, so they always say the same thing. Every value is
/// plain text: the HTML part encodes it, the text part keeps it as it is, so a display name such as
/// <c>&lt;script&gt;</c> arrives as text in both. The HTML is a single table-free column with inline styles, which
/// every mail client renders, and reads as well with its styles stripped.
/// </summary>
public sealed class EmailTemplate
{
    private readonly StringBuilder text = new();
    private readonly StringBuilder html = new();
    private readonly string subject;

    public EmailTemplate(string productName, string subject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productName);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        this.subject = $"{subject} - {productName}";
        ProductName = productName;
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(this.subject))
            .Append("</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2328;max-width:560px;margin:0 auto;padding:24px\">");
    }

    public string ProductName { get; }

    /// <summary>A paragraph.</summary>
    public EmailTemplate Paragraph(string value)
    {
        text.Append(value).Append("\r\n\r\n");
        html.Append("<p>").Append(Encode(value)).Append("</p>");
        return this;
    }

    /// <summary>A value the reader must copy exactly (a code), set apart in both parts.</summary>
    public EmailTemplate Code(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        text.Append("    ").Append(value).Append("\r\n\r\n");
        html.Append(value.Length <= 12
                ? "<p style=\"font-size:28px;font-weight:bold;letter-spacing:6px;font-family:Consolas,Menlo,monospace\">"
                : "<p style=\"font-size:16px;font-weight:bold;font-family:Consolas,Menlo,monospace;word-break:break-all\">")
            .Append(Encode(value)).Append("</p>");
        return this;
    }

    /// <summary>A link the reader follows: its address on a line of its own in the text part, a link in the HTML.</summary>
    public EmailTemplate Link(string label, string url)
    {
        text.Append(label).Append(":\r\n").Append(url).Append("\r\n\r\n");
        html.Append("<p><a href=\"").Append(Encode(url)).Append("\">").Append(Encode(label)).Append("</a></p>");
        return this;
    }

    /// <summary>Named values, one per line.</summary>
    public EmailTemplate Facts(params (string Name, string? Value)[] facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        html.Append("<ul>");
        foreach (var (name, value) in facts.Where(f => !string.IsNullOrEmpty(f.Value)))
        {
            text.Append("- ").Append(name).Append(": ").Append(value).Append("\r\n");
            html.Append("<li>").Append(Encode(name)).Append(": <strong>").Append(Encode(value!)).Append("</strong></li>");
        }

        text.Append("\r\n");
        html.Append("</ul>");
        return this;
    }

    public EmailContent Build()
    {
        var footer = $"This message was sent by {ProductName}. You receive it because of your account there.";
        text.Append("-- \r\n").Append(footer).Append("\r\n");
        html.Append("<hr style=\"border:none;border-top:1px solid #d0d7de\"><p style=\"font-size:12px;color:#59636e\">")
            .Append(Encode(footer)).Append("</p></body></html>");
        return new EmailContent(subject, text.ToString(), html.ToString());
    }

    /// <summary>A time as readers everywhere understand it: ISO date and time, in UTC.</summary>
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
