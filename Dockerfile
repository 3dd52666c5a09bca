# Odoo 19.0 Community (official image) plus the suite's Python requirements (OCA add-ons).
FROM odoo:19.0
USER root
COPY requirements.txt /tmp/itss-requirements.txt
RUN pip3 install --no-cache-dir --break-system-packages -r /tmp/itss-requirements.txt \
    && rm /tmp/itss-requirements.txt
USER odoo
WORKDIR /mnt/itss
