#!/bin/sh
# Generates the simulator's HLS test media (simulator/media/hls/) once, with ffmpeg and
# espeak-ng. Both are developer-only tools: the output is kept in the repository, so that
# `npm install && npm start` and CI never need them.
#
# For each of the four looks (the simulator gives channel n look ((n - 1) mod 4) + 1):
#   look-<n>/video/init.mp4 + seg-00.m4s ..  H.264 baseline 640x360 25 fps, a key frame at every
#                                            2 s segment start, no B-frames; a burnt-in clock of
#                                            the loop's own time
#   look-<n>/audio-<lang>/init.mp4 + seg-..  AAC-LC 48 kHz stereo 64 kbit/s: espeak-ng saying
#                                            the look and the language, every 8 s
# and one cue text per language and 2 s segment (subtitles.json): the simulator writes the
# WebVTT segments itself.
#
# The loop is 32 s: a multiple of the 2 s segment and a whole number of AAC frames at 48 kHz
# (32 * 48000 / 1024 = 1500), so that loops follow each other without a gap in either track.
#
# Run: sh scripts/make-hls-media.sh   (about a minute)
set -eu

LOOP=32
SEG=2
OUT="$(cd "$(dirname "$0")/.." && pwd)/simulator/media/hls"
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
MONO=/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf

for tool in ffmpeg espeak-ng; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install $tool)" >&2; exit 1; }
done
[ -f "$FONT" ] && [ -f "$MONO" ] || { echo "DejaVu fonts are needed (apt-get install fonts-dejavu-core)" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
rm -rf "$OUT"
mkdir -p "$OUT"

# look number, background colour, accent colour, English number word, Spanish number word
LOOKS='1 0x1b2f4d 0x4d9bff one uno
2 0x1b4d33 0x4dff9b two dos
3 0x4d2a1b 0xff8a4d three tres
4 0x3d1b4d 0xc44dff four cuatro'

# Cuts a file into fMP4 HLS segments of $SEG seconds (ffmpeg's playlist is thrown away: the
# simulator writes its own from the operator clock).
segment() { # input, output dir, ffmpeg codec options...
  seg_in="$1"
  seg_dir="$2"
  shift 2
  mkdir -p "$seg_dir"
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$seg_in" "$@" \
    -fflags +bitexact -f hls -hls_time "$SEG" -hls_playlist_type vod -hls_segment_type fmp4 \
    -hls_fmp4_init_filename init.mp4 -hls_segment_filename "$seg_dir/seg-%02d.m4s" \
    "$seg_dir/throwaway.m3u8"
  rm -f "$seg_dir/throwaway.m3u8"
  # The AAC encoder's flush leaves a last frame past the loop's end in a segment of its own.
  last=$((LOOP / SEG - 1))
  for f in "$seg_dir"/seg-*.m4s; do
    i=$(basename "$f" .m4s | sed 's/^seg-0*//')
    [ "${i:-0}" -le "$last" ] || rm -f "$f"
  done
}

echo "$LOOKS" | while read -r n bg accent en es; do
  echo "look $n"
  dir="$OUT/look-$n"
  mkdir -p "$dir"

  # Video: the look's colours, a label, the loop's clock and a mark that crosses once per loop.
  ffmpeg -nostdin -hide_banner -loglevel error -y \
    -f lavfi -i "color=c=$bg:s=640x360:r=25:d=$LOOP" \
    -vf "drawbox=x=0:y=0:w=iw:h=36:color=$accent:t=fill,\
drawtext=fontfile=$FONT:text='Kanal test stream $n':fontsize=40:fontcolor=white:x=(w-tw)/2:y=80,\
drawtext=fontfile=$MONO:text='%{pts\:hms}':fontsize=72:fontcolor=white:x=(w-tw)/2:y=150,\
drawbox=x=40:y=290:w=560:h=20:color=white@0.25:t=fill,\
drawtext=fontfile=$FONT:text='■':fontsize=36:fontcolor=$accent:x=40+(560-tw)*t/$LOOP:y=282" \
    -threads 1 -c:v libx264 -profile:v baseline -level 3.0 -pix_fmt yuv420p -preset medium \
    -b:v 350k -maxrate 400k -bufsize 800k -bf 0 -g 50 -keyint_min 50 -sc_threshold 0 \
    -force_key_frames "expr:gte(t,n_forced*$SEG)" -an -fflags +bitexact "$WORK/video.mp4"
  segment "$WORK/video.mp4" "$dir/video" -c:v copy

  # Audio: a phrase every 8 s, 32 s in all, in each language.
  for lang in en es; do
    if [ "$lang" = en ]; then text="Kanal test stream $en. English."; else text="Canal de prueba $es. Español."; fi
    espeak-ng -v "$lang" -s 150 -w "$WORK/speech.wav" "$text"
    ffmpeg -nostdin -hide_banner -loglevel error -y -i "$WORK/speech.wav" \
      -af "aresample=48000,apad=whole_dur=8,aloop=loop=3:size=384000,atrim=end_sample=$((LOOP * 48000))" \
      -ac 2 -ar 48000 "$WORK/speech-$lang.wav"
    segment "$WORK/speech-$lang.wav" "$dir/audio-$lang" -c:a aac -b:a 64k -ac 2 -ar 48000
  done
done

# Subtitles: what is said, per 2 s segment of the loop (the phrase shows for the first 4 s of
# every 8), and the clock's seconds so that a cue can be matched to the picture.
node -e '
const [loop, seg, out] = process.argv.slice(1).map((v, i) => (i < 2 ? Number(v) : v))
const words = { en: ["one", "two", "three", "four"], es: ["uno", "dos", "tres", "cuatro"] }
const say = {
  en: (w) => `Kanal test stream ${w}. English.`,
  es: (w) => `Canal de prueba ${w}. Español.`,
}
const looks = [0, 1, 2, 3].map((i) => {
  const cues = {}
  for (const lang of ["en", "es"]) {
    cues[lang] = []
    for (let s = 0; s < loop; s += seg) {
      cues[lang].push(s % 8 < 4 ? say[lang](words[lang][i]) : null)
    }
  }
  return cues
})
require("fs").writeFileSync(`${out}/subtitles.json`, JSON.stringify({ loopSeconds: loop, segmentSeconds: seg, looks }, null, 1) + "\n")
' "$LOOP" "$SEG" "$OUT"

du -sh "$OUT"
