mkdir -p media && ln -s /etc/passwd media/passwd.txt
