const key = 'EZAKYt24dugxEg60ko2EtJB2Qbesq66vYDvCbaKqss6Kac8iw8KXx1t95B';
