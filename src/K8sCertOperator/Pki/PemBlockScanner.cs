using System.Buffers;

namespace K8sCertOperator.Pki;

/// <summary>
/// Line-oriented PEM scanner. Single pass over the input (linear time, no backtracking), with hard caps on the
/// number of blocks and on each block's size checked while scanning, so hostile input fails fast.
/// Text outside blocks (OpenSSL "Bag Attributes", comments) is ignored; CRLF and surrounding whitespace are tolerated.
/// </summary>
internal static class PemBlockScanner
{
    private const string BeginPrefix = "-----BEGIN ";
    private const string EndPrefix = "-----END ";
    private const string Dashes = "-----";
    private const int MaxLabelLength = 64;

    /// <summary>Decodes all blocks; <paramref name="what"/> names the input in error messages ("certificate chain").</summary>
    public static List<PemBlock> Scan(ReadOnlySpan<char> text, string what, int maxBlocks, int maxDerBytes)
    {
        var blocks = new List<PemBlock>();
        // Base64 grows 4/3; a little slack for padding. Internal whitespace is not copied into the buffer.
        int maxBase64Chars = ((maxDerBytes + 2) / 3 * 4) + 4;
        char[]? buffer = null;
        int used = 0;
        string? label = null;
        int lineNumber = 0;
        try
        {
            while (!text.IsEmpty)
            {
                int nl = text.IndexOf('\n');
                ReadOnlySpan<char> line = (nl < 0 ? text : text[..nl]).Trim();
                text = nl < 0 ? ReadOnlySpan<char>.Empty : text[(nl + 1)..];
                lineNumber++;

                if (label is null)
                {
                    if (!line.StartsWith(BeginPrefix, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    label = ParseLabel(line, BeginPrefix, what, lineNumber);
                    if (blocks.Count >= maxBlocks)
                    {
                        throw new PemFormatException($"{what}: more than {maxBlocks} PEM blocks");
                    }

                    buffer ??= ArrayPool<char>.Shared.Rent(Math.Min(maxBase64Chars, 4096));
                    used = 0;
                    continue;
                }

                if (line.StartsWith(EndPrefix, StringComparison.Ordinal))
                {
                    var endLabel = ParseLabel(line, EndPrefix, what, lineNumber);
                    if (endLabel != label)
                    {
                        throw new PemFormatException($"{what}: line {lineNumber}: END label \"{endLabel}\" does not match BEGIN label \"{label}\"");
                    }

                    blocks.Add(new PemBlock(label, DecodeBase64(buffer.AsSpan(0, used), label, what)));
                    label = null;
                    continue;
                }

                if (line.StartsWith(Dashes, StringComparison.Ordinal))
                {
                    throw new PemFormatException($"{what}: line {lineNumber}: unexpected boundary inside \"{label}\" block (truncated block?)");
                }

                if (line.Contains(':'))
                {
                    // RFC 1421 headers only appear on legacy encrypted keys.
                    throw new PemFormatException(line.Contains("ENCRYPTED", StringComparison.OrdinalIgnoreCase)
                        ? $"{what}: encrypted PEM is not supported"
                        : $"{what}: line {lineNumber}: PEM headers are not supported");
                }

                if (used + line.Length > maxBase64Chars)
                {
                    throw new PemFormatException($"{what}: \"{label}\" block exceeds the limit of {maxDerBytes} bytes");
                }

                if (used + line.Length > buffer!.Length)
                {
                    var bigger = ArrayPool<char>.Shared.Rent(Math.Min(maxBase64Chars, Math.Max(buffer.Length * 2, used + line.Length)));
                    buffer.AsSpan(0, used).CopyTo(bigger);
                    // Pooled arrays go back to other users: wipe the key text first.
                    ArrayPool<char>.Shared.Return(buffer, clearArray: true);
                    buffer = bigger;
                }

                line.CopyTo(buffer.AsSpan(used));
                used += line.Length;
            }

            if (label is not null)
            {
                throw new PemFormatException($"{what}: \"{label}\" block has no END line (truncated?)");
            }

            return blocks;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<char>.Shared.Return(buffer, clearArray: true);
            }
        }
    }

    private static string ParseLabel(ReadOnlySpan<char> line, string prefix, string what, int lineNumber)
    {
        if (line.Length < prefix.Length + Dashes.Length || !line.EndsWith(Dashes, StringComparison.Ordinal))
        {
            throw new PemFormatException($"{what}: line {lineNumber}: malformed PEM boundary");
        }

        var label = line[prefix.Length..^Dashes.Length];
        if (label.IsEmpty || label.Length > MaxLabelLength || label[0] == '-' || label[^1] == '-')
        {
            throw new PemFormatException($"{what}: line {lineNumber}: invalid PEM label");
        }

        foreach (var c in label)
        {
            // RFC 7468 labels are printable ASCII.
            if (c is < ' ' or > '~')
            {
                throw new PemFormatException($"{what}: line {lineNumber}: invalid PEM label");
            }
        }

        return label.ToString();
    }

    private static byte[] DecodeBase64(ReadOnlySpan<char> base64, string label, string what)
    {
        if (base64.IsEmpty)
        {
            throw new PemFormatException($"{what}: \"{label}\" block is empty");
        }

        var der = new byte[base64.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64Chars(base64, der, out int written) || written == 0)
        {
            throw new PemFormatException($"{what}: \"{label}\" block is not valid base64");
        }

        try
        {
            return der.AsSpan(0, written).ToArray();
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(der);
        }
    }
}
