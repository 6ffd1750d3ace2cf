using System.Text.Encodings.Web;
using Platform.Domain.Status;

namespace Platform.Api.StatusPage;

internal static class Html
{
    public static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
