# Writes a report exactly at the 512 KiB cap for YAML files.
mkdir -p progress/2569/2569-002
f=progress/2569/2569-002/2026-01-10.yaml
printf 'date: 2026-01-10\nreporter: malee\npercent: 50\ndisbursed: 100000\nnarrative: |\n' > "$f"
head -c $((524288 - $(wc -c < "$f"))) /dev/zero | tr '\0' 'x' | fold -w 100 | sed 's/^/  /' | head -c $((524288 - $(wc -c < "$f"))) >> "$f"
