using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace Complaints.Bench.Seeder;

/// <summary>
/// A phone-camera-like JPEG for the upload runs (#16): smooth gradients with sensor-like noise, so that it compresses
/// like a photograph (a flat image would be a few kilobytes and decode unrealistically fast).
/// </summary>
internal static class Photo
{
    public static void Write(string path, int width, int height)
    {
        var random = new Random(20261202);
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var noise = random.Next(-12, 13);
                    row[x] = new Rgb24(
                        (byte)Math.Clamp(x * 255 / width + noise, 0, 255),
                        (byte)Math.Clamp(y * 255 / height + noise, 0, 255),
                        (byte)Math.Clamp(128 + (int)(64 * Math.Sin((x + y) / 90.0)) + noise, 0, 255));
                }
            }
        });
        image.SaveAsJpeg(path, new JpegEncoder { Quality = 85 });
    }
}
