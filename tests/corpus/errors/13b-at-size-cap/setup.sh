# Writes a report of exactly 512 KiB (the cap for YAML files): it must pass.
# The text is split over two fields, each under the 256 KiB scalar cap.
mkdir -p progress/2569/2569-002
f=progress/2569/2569-002/2026-01-10.yaml
printf 'date: 2026-01-10\nreporter: malee\npercent: 50\ndisbursed: 100000\nnarrative: |\n' > "$f"
head -c 250000 /dev/zero | tr '\0' 'x' | fold -w 100 | sed 's/^/  /' >> "$f"
echo >> "$f"
printf 'problems: |\n' >> "$f"
head -c $((524288 - $(wc -c < "$f"))) /dev/zero | tr '\0' 'y' | fold -w 100 | sed 's/^/  /' | head -c $((524288 - $(wc -c < "$f"))) >> "$f"
