using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Infrastructure.Persistence;

public sealed record Migration(string Version, string Name, string Sql, string Checksum);
